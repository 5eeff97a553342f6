// Card action timing for `npm run bench` (issue 4): an Action.Execute "Samtycke givet" posted to
// /api/messages as Teams would (an adaptiveCard/action invoke), answered with the refreshed card.
// Measured as the invoke's round trip on loopback, so it is an upper bound of the server-side time.
import { createServer } from "node:http";

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A connector stand-in that accepts whatever the bot sends (card updates for others). */
function startSink() {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "sent" }));
      });
    });
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) }),
    );
  });
}

export async function benchCardAction({ baseUrl, storage, team, runs, warmup }) {
  const sink = await startSink();
  try {
    // A participant whose case manager's organisation records its own consent.
    const consent = team.consents.find((c) => c.status === "given" && c.receivingOrganisationIds.length > 0);
    const participant = team.participants.find((p) => p.id === consent.participantId);
    const member =
      team.members.find((m) => m.organisationId === consent.disclosingOrganisationId && m.role === "coordinator") ??
      team.members.find((m) => m.id === participant.caseManagerId);
    const times = [];
    for (let i = 0; i < warmup + runs; i++) {
      const stored = await storage.consents.get(consent.boardId, consent.participantId, consent.disclosingOrganisationId);
      const body = {
        type: "invoke",
        name: "adaptiveCard/action",
        id: `bench-${i}`,
        channelId: "msteams",
        serviceUrl: sink.url,
        timestamp: new Date().toISOString(),
        locale: "sv-SE",
        from: { id: `29:${member.objectId}`, aadObjectId: member.objectId },
        recipient: { id: "28:fact-bot" },
        conversation: { id: `a:bench-${member.objectId}`, conversationType: "personal", tenantId: member.tenantId },
        channelData: { tenant: { id: member.tenantId } },
        value: {
          action: {
            type: "Action.Execute",
            verb: "consent.given",
            data: {
              card: "consent",
              boardId: consent.boardId,
              participantId: consent.participantId,
              disclosingOrganisationId: consent.disclosingOrganisationId,
              etag: stored.etag,
              givenOn: consent.givenOn,
              validUntil: consent.validUntil,
              receivingOrganisationIds: consent.receivingOrganisationIds.join(","),
            },
          },
        },
      };
      const t = process.hrtime.bigint();
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await res.json();
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.status !== 200 || answer.statusCode !== 200) throw new Error(`card action answered ${res.status}/${answer.statusCode}`);
      if (i >= warmup) times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { p50Ms: Math.round(percentile(times, 50) * 100) / 100, p95Ms: Math.round(percentile(times, 95) * 100) / 100 };
  } finally {
    await sink.close();
  }
}
