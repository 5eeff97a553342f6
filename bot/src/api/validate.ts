import type { z } from "zod";
import { Id } from "@fact-board/contract";

/** Parse at the edge: a body, query or path value passes its schema once, then is trusted inside. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => schema.parse(value);

export const pathId = (value: unknown): string => Id.parse(value);
