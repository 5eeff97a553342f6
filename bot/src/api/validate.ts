import { z } from "zod";
import { Id } from "@fact-board/contract";

/** Parse at the edge: a body, query or path value passes its schema once, then is trusted inside. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => schema.parse(value);

/** A path segment: a bad one answers 400 naming the segment (`field: "participantId"`), like a bad body field. */
export function pathParam<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] })));
  return result.data;
}

export const pathId = (value: unknown, field = "id"): string => pathParam(Id, value, field);
