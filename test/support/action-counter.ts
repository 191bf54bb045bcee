import type { Locator, Page } from 'playwright-core';

/**
 * Counts an operator's actions as a browser test performs them (issue 13 item 10): every click (a button, a radio,
 * a field clicked before typing) and every keystroke (one per character typed, one per key pressed). Waiting for
 * the screen is not an action. The test does everything through this helper, so the count is what it did.
 */
export class ActionCounter {
  clicks = 0;
  keystrokes = 0;

  constructor(private readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks += 1;
  }

  async check(target: Locator): Promise<void> {
    await target.check();
    this.clicks += 1;
  }

  /** Click into the field, then type: one click and one keystroke per character. */
  async type(target: Locator, text: string): Promise<void> {
    await this.click(target);
    await target.pressSequentially(text);
    this.keystrokes += [...text].length;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.keystrokes += 1;
  }

  get total(): number {
    return this.clicks + this.keystrokes;
  }
}
