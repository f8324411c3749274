// The committee's "Chờ xác minh" tab (Review queue).

import { addStrings } from './i18n.js';
import { el } from './util.js';

addStrings({
  vi: { 'tab.queue': 'Chờ xác minh' },
  en: { 'tab.queue': 'Review queue' },
});

export const tab = {
  id: 'queue',
  mount(box) {
    box.replaceChildren(el('h2', { text: 'Chờ xác minh' }));
    return {};
  },
};
