// The Notification type: message, scope, data, actions, Send and Recall. BC ignores Send in a background
// session (there is no client to show it); in a test a SendNotificationHandler / RecallNotificationHandler gets
// it (testHandlers.ts); elsewhere it goes to the session (SessionServices.notification, when the host shows them).
import { AlError } from './errors';
import { registry, T, tBool, tGuid, tText, type CallInfo } from './methodTypes';
import type { Rt } from './rt';
import { toSourceLocation } from './model';
import { createGuid } from '../values/guid';
import { Variant } from './objects';
import { uiEvent } from './testHandlers';

export class NotificationValue {
  id = '';
  message = '';
  /** NotificationScope: 0 LocalScope, 1 GlobalScope. */
  scope = 0;
  readonly data = new Map<string, string>();
  readonly actions: { caption: string; codeunit: number; method: string; tooltip: string }[] = [];
}

const where = (ci: CallInfo) => toSourceLocation(ci.loc);

function n(v: unknown, ci: CallInfo): NotificationValue {
  const x = v instanceof Variant ? v.value : v;
  if (x instanceof NotificationValue) return x;
  throw new AlError('A Notification was expected.', '', where(ci));
}

const text = (v: unknown) => String(v instanceof Variant ? v.value : v);

export const notificationMethods = registry({
  Message: { ret: tText, max: 1, impl: (_rt: Rt, ci, v, m?) => { const x = n(v, ci); if (m !== undefined) x.message = text(m); return x.message; } },
  Scope: { ret: T('Enum', { subtype: 'NotificationScope' }), max: 1, impl: (_rt: Rt, ci, v, s?) => { const x = n(v, ci); if (s !== undefined) x.scope = Number(s); return x.scope; } },
  Id: {
    ret: tGuid, max: 1,
    impl: (_rt: Rt, ci, v, id?) => {
      const x = n(v, ci);
      if (id !== undefined) x.id = text(id);
      // BC gives a notification an id on first use when none was set.
      if (!x.id) x.id = createGuid();
      return x.id;
    },
  },
  SetData: { min: 2, max: 2, effect: true, impl: (_rt: Rt, ci, v, k, d) => void n(v, ci).data.set(text(k), text(d)) },
  GetData: { ret: tText, min: 1, max: 1, impl: (_rt: Rt, ci, v, k) => n(v, ci).data.get(text(k)) ?? '' },
  HasData: { ret: tBool, min: 1, max: 1, impl: (_rt: Rt, ci, v, k) => n(v, ci).data.has(text(k)) },
  AddAction: {
    min: 3, max: 4, effect: true,
    impl: (_rt: Rt, ci, v, caption, cu, method, tooltip = '') => void n(v, ci).actions.push({ caption: text(caption), codeunit: Number(cu), method: text(method), tooltip: text(tooltip) }),
  },
  Send: {
    gen: true, ret: tBool, max: 0, effect: true,
    *impl(rt: Rt, ci, v) {
      const x = n(v, ci);
      if (!x.id) x.id = createGuid();
      // No client in a background session: BC ignores the notification.
      if (rt.services.kind === 'Background' || !rt.services.guiAllowed) return false;
      const handled = yield* uiEvent(rt, ci, 'SendNotification', { notification: x });
      if (!handled) rt.services.notification?.(x.message, x.id);
      return true;
    },
  },
  Recall: {
    gen: true, ret: tBool, max: 0, effect: true,
    *impl(rt: Rt, ci, v) {
      const x = n(v, ci);
      if (rt.services.kind === 'Background' || !rt.services.guiAllowed) return false;
      yield* uiEvent(rt, ci, 'RecallNotification', { notification: x });
      return true;
    },
  },
});
