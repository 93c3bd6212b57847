export * from './lib/login.page';
export * from './lib/shell.component';
export * from './lib/home.guard';
export * from './lib/not-found.page';
