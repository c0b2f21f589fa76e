/** CSS modules (`X.module.css` next to its component): class names, scoped by Vite. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>
  export default classes
}
