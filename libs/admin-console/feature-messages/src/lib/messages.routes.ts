import { Routes } from '@angular/router';
import { InboxPage } from './inbox.page';
import { ThreadPage } from './thread.page';

/** Mounted by the app at `practices/:practiceId/messages` (the practice id is read from that parent route). */
export const MESSAGES_ROUTES: Routes = [
  { path: '', component: InboxPage, title: 'Messages · Claimline' },
  { path: ':threadId', component: ThreadPage, title: 'Message thread · Claimline' },
];
