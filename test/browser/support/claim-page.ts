import type { Page } from 'playwright-core';

/** Opens a claim's page and waits until it shows the claim's status. */
export async function openClaim(page: Page, baseUrl: string, claimId: string): Promise<void> {
  await page.goto(`${baseUrl}/claims/${claimId}`);
  await page.getByTestId('claim-status').waitFor();
}

export const waitForStatus = (page: Page, status: string) => page.locator(`[data-testid="claim-status"][data-status="${status}"]`).waitFor();

/** One step of the claim's history table, by its event type. */
export const historyRow = (page: Page, event: string) => page.locator(`#history-title ~ table tbody tr[data-event="${event}"]`);
