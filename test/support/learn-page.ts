import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { ReadyExperiment } from '@shared/experiments'

/** Drives one experiment of the Learn view in browser mode: prepare, predict, run, compare, back to the list. */

/** Opens an experiment, resets the lab, locks in a prediction and checks: the check must say "not done". */
export async function prepare(page: Page, experiment: ReadyExperiment, prediction: string): Promise<void> {
  await page.getByTestId(`learn-open-${experiment.id}`).click()
  await page.locator(`[data-testid="learn-experiment"][data-id="${experiment.id}"]`).waitFor()
  // focus lands on the experiment's heading
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('learn-experiment-title')
  const firstStep = page.getByTestId(`learn-run-${experiment.steps[0]!.id}`)
  expect(await firstStep.isDisabled(), 'steps wait for a prediction').toBe(true)
  await page.getByTestId('learn-reset').click()
  await page.getByTestId('learn-prepared').waitFor({ timeout: 20_000 })
  await page.getByTestId(`learn-choice-${prediction}`).check()
  await page.getByTestId('learn-predict-lock').click()
  await page.locator(`[data-testid="learn-prediction"][data-choice="${prediction}"]`).waitFor()
  await page.getByTestId('learn-check').click()
  await page.getByTestId('learn-observed').waitFor()
  expect(await page.getByTestId('learn-experiment').getAttribute('data-state')).toBe('in-progress')
  expect(await page.getByTestId('learn-explanation').count(), 'no explanation before the result').toBe(0)
}

/** Runs one step by its button, until it is marked done. */
export async function runStep(page: Page, stepId: string, timeout?: number): Promise<void> {
  await page.getByTestId(`learn-run-${stepId}`).click()
  await page.locator(`[data-testid="learn-step"][data-step="${stepId}"][data-done="true"]`).waitFor({ timeout })
}

/** Runs every step in order, each until it is marked done. */
export async function runSteps(page: Page, experiment: ReadyExperiment, timeout = 60_000): Promise<void> {
  for (const step of experiment.steps) await runStep(page, step.id, timeout)
}

export interface Finished {
  said: string
  match: boolean
  observed: string
}

/** Waits for the experiment to be done, and checks the comparison names the prediction and the sources are listed. */
export async function finish(page: Page, experiment: ReadyExperiment, prediction: string, timeout = 20_000): Promise<Finished> {
  await page.locator(`[data-testid="learn-experiment"][data-id="${experiment.id}"][data-state="done"]`).waitFor({ timeout })
  const compare = page.getByTestId('learn-compare')
  const said = (await compare.textContent())!
  const predicted = experiment.prediction.choices.find((c) => c.id === prediction)!.label
  expect(said).toContain(`You predicted ${predicted}`)
  expect(await page.getByTestId('learn-sources').locator('a').count()).toBe(experiment.sources.length)
  return { said, match: (await compare.getAttribute('data-match')) === 'true', observed: (await page.getByTestId('learn-observed').textContent())! }
}

/** Prepares with the prediction, runs every step and finishes: the usual walk of an experiment. */
export async function runExperiment(page: Page, experiment: ReadyExperiment, prediction: string, finishTimeout?: number): Promise<Finished> {
  await prepare(page, experiment, prediction)
  await runSteps(page, experiment)
  return finish(page, experiment, prediction, finishTimeout)
}

/** Back to the list: the experiment is marked done there and has the focus again. */
export async function back(page: Page, experiment: ReadyExperiment): Promise<void> {
  await page.getByTestId('learn-back').click()
  await page.locator(`[data-testid="learn-item"][data-id="${experiment.id}"][data-state="done"]`).waitFor()
  // focus returns to the experiment just left
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(`learn-open-${experiment.id}`)
}
