/** Vite (electron-vite, Vitest) inlines `?raw` imports as strings: used for the bundled demo zone. */
declare module '*.zone?raw' {
  const text: string
  export default text
}
