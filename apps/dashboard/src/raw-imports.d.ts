// Vite's ?raw suffix: the file's text as a string (used for docs bundled into the dashboard).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
