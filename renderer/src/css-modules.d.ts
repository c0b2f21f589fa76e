/** A CSS module (`Component.module.css`): its class names, made unique by the build. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>
  export default classes
}
