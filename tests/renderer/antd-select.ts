// Driving antd Selects in jsdom: every Select's popup is a portal on <body> and, in jsdom, all share one id, so the
// popup that appeared when a Select was first opened is remembered as that Select's own.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

const popups = new WeakMap<Element, Element>();

/** Opens an antd Select by its test id and clicks the option with this text in its own dropdown. */
export async function choose(testId: string, text: string): Promise<void> {
  const combobox = within(screen.getByTestId(testId)).getByRole('combobox');
  const existing = new Set(document.querySelectorAll('.ant-select-dropdown'));
  fireEvent.mouseDown(combobox);
  const option = await waitFor(() => {
    let popup = popups.get(combobox);
    if (!popup) {
      popup = [...document.querySelectorAll('.ant-select-dropdown')].find((p) => !existing.has(p));
      if (popup) popups.set(combobox, popup);
    }
    const found = [...(popup?.querySelectorAll('.ant-select-item-option') ?? [])].find((o) => o.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}
