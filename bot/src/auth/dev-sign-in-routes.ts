import express, { type ErrorRequestHandler, type Router } from "express";
import { DevSignInBody, type DevPerson } from "@fact-board/contract";
import { Invalid, NotFound } from "../domain/errors";
import type { DevIssuer } from "./dev-issuer";

// The development sign-in's HTTP face: pick a demo person, get a token from the in-process issuer.
// A router can only be built from a DevIssuer, and createDevIssuer refuses unless DEV_SIGN_IN=true
// and NODE_ENV is not production, so these routes cannot exist where they must not.
// Errors go to next(): the API's one error handler maps Invalid → 400 and NotFound → 404.

export type { DevPerson };

/** The people one may sign in as: the demo members of the boards. */
export type ListDevPeople = () => Promise<readonly DevPerson[]> | readonly DevPerson[];

export function devSignInRoutes(devIssuer: DevIssuer, listPeople: ListDevPeople, options: { anyIdentity?: boolean } = {}): Router {
  const router = express.Router();

  router.get("/api/dev/people", async (_req, res) => {
    const people = await listPeople();
    res.json({
      people: people.map(({ tenantId, objectId, displayName, organisationName, role }) => ({
        tenantId,
        objectId,
        displayName,
        organisationName,
        role,
      })),
    });
  });

  router.post("/api/dev/sign-in", express.json({ limit: "1kb" }), async (req, res) => {
    const parsed = DevSignInBody.safeParse(req.body);
    if (!parsed.success) throw new Invalid("Send { tenantId, objectId } of a demo person, both GUIDs.");
    const { tenantId, objectId } = parsed.data;
    // With the demo team: only the listed demo people. Without it (an empty store, development
    // only), any tenant and object id, so the first-run path can be tried; the tenant allow-list still applies.
    if (options.anyIdentity) {
      res.json(await devIssuer.signIn({ tenantId, objectId }));
      return;
    }
    const person = (await listPeople()).find(
      (p) => p.tenantId.toLowerCase() === tenantId.toLowerCase() && p.objectId.toLowerCase() === objectId.toLowerCase(),
    );
    if (!person) throw new NotFound("The demo person");
    res.json(await devIssuer.signIn({ tenantId: person.tenantId, objectId: person.objectId, upn: demoUpnOf(person.displayName) }));
  });

  // A body that is not JSON leaves this router as Invalid, like any other bad body.
  router.use(((err, _req, _res, next) => {
    next((err as { type?: unknown }).type === "entity.parse.failed" ? new Invalid("The body must be JSON.") : err);
  }) as ErrorRequestHandler);

  return router;
}

/**
 * A demo person's user principal name, as Entra's token would carry it (preferred_username), so the
 * demo's Kontakter has Teams chat links: "Åsa Påhittsson" → "asa.pahittsson@fact-demo.example".
 * Obviously invented: `.example` is reserved and reaches nobody (RFC 2606).
 */
export function demoUpnOf(displayName: string): string {
  const local = displayName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
  return `${local || "demo"}@fact-demo.example`;
}
