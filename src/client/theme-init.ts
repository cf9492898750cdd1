/**
 * The one inline script of every page: it sets the saved theme, else the system's, before the
 * first paint so the page never flashes. Kept as a string so the build can hash it for the
 * Content-Security-Policy (astro.config.mjs) and the layout can inline it, from one source.
 */
export const themeInit =
  "try{var s=localStorage.getItem('errata-theme');document.documentElement.dataset.theme=s==='dark'||s==='light'?s:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}catch(e){}";
