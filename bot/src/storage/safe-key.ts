/**
 * Table keys may not contain / \ # ? or control characters; Teams ids may (rarely). Unlike
 * keyPart (which refuses such ids), values that come from Teams are escaped, reversibly enough
 * that two different ids never share a key.
 */
export function safeKey(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Table keys refuse
  return value.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).slice(0, 512);
}
