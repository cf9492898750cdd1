/** The shiki themes of every code block, pages and MDX alike: high-contrast, so code passes WCAG AA in both themes. */
export const codeThemes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
