/** Types for the `espeak-ng` npm package (an Emscripten MODULARIZE factory; it ships none). */
declare module 'espeak-ng' {
  /** Runs the eSpeak NG CLI's main() with `options.arguments` in a fresh module; resolves to the module. */
  const ESpeakNg: (options: object) => Promise<unknown>
  export default ESpeakNg
}
