/**
 * Error messages quote what the user gave; a 5 MB token must not come back as a 5 MB line. Any run
 * of more than 200 characters without a space is cut to its head and tail with its length in between.
 */
const MAX_TOKEN_IN_MESSAGE = 200

export function clipTokens(text: string, max = MAX_TOKEN_IN_MESSAGE): string {
  if (text.length <= max) return text
  return text.replace(new RegExp(`\\S{${max + 1},}`, 'g'), (token) => `${token.slice(0, max - 20)}…(${token.length} characters)…${token.slice(-8)}`)
}
