export { PRACTICES_ROUTES } from './lib/practices.routes';
