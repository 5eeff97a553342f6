// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require("adaptivecards/dist/adaptivecards.js");

/**
 * What the adaptivecards library finds wrong with a card, as Teams' renderer would parse it: its
 * parse events and its property validation, each a line ("parse: …", "validate: …"). Empty is valid.
 */
export function cardValidationProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(JSON.parse(JSON.stringify(json)), ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const ev of card.validateProperties().validationEvents) problems.push(`validate: ${ev.message}`);
  return problems;
}
