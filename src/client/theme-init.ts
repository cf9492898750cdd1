/**
 * The one inline script of every page: it sets the saved theme, else the system's, before the
 * first paint so the page never flashes, and marks that scripts run (`data-js`), so that on a
 * phone the menu starts folded with no shift, while without scripts it simply stays open. Kept as a string so the build can hash it for the
 * Content-Security-Policy (astro.config.mjs) and the layout can inline it, from one source.
 */
export const themeInit =
  "document.documentElement.dataset.js='';try{var s=localStorage.getItem('errata-theme');document.documentElement.dataset.theme=s==='dark'||s==='light'?s:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}catch(e){}";
