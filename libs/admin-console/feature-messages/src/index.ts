export { MESSAGES_ROUTES } from './lib/messages.routes';
