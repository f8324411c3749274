// The committee's "Họp cuối năm" tab (Year-end meeting).

import { addStrings } from './i18n.js';
import { el } from './util.js';

addStrings({
  vi: { 'tab.meeting': 'Họp cuối năm' },
  en: { 'tab.meeting': 'Year-end meeting' },
});

export const tab = {
  id: 'meeting',
  mount(box) {
    box.replaceChildren(el('h2', { text: 'Họp cuối năm' }));
    return {};
  },
};
