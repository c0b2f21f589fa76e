/** Presentation of query results: dig's text, RFC 8427 JSON and the equivalent dig command. */
export { digCommand } from './dig-command'
export { digRdata } from './dig-rdata'
export { formatDigText } from './dig-text'
export { formatRfc8427Json } from './rfc8427-json'
