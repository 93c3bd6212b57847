export * from './lib/login.page';
export * from './lib/shell.component';
export * from './lib/home.redirect';
export * from './lib/not-found.page';
