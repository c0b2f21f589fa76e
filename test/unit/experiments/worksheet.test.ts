import { describe, expect, it } from 'vitest'
import { experiments } from '@shared/experiments'
import { worksheetFileName, worksheetMarkdown, worksheetOf } from '@shared/experiments/worksheet'

const PAGE_BREAK = '<div style="break-before: page"></div>'

describe('worksheet export', () => {
  it('covers ten experiments, numbered 1 to 10 with unique ids', () => {
    expect(experiments.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(new Set(experiments.map((e) => e.id)).size).toBe(10)
  })

  for (const experiment of experiments) {
    it(`experiment ${experiment.number} (${experiment.id}): questions first, the answers after a page break`, () => {
      const markdown = worksheetMarkdown(experiment)
      const [questions, answers] = markdown.split(PAGE_BREAK)
      expect(answers, 'one page break between questions and answers').toBeDefined()
      expect(markdown.split(PAGE_BREAK)).toHaveLength(2)
      expect(questions).toContain(`# Experiment ${experiment.number}: ${experiment.title}`)
      expect(questions).toContain(experiment.question)
      expect(answers).toContain(`# Answers: Experiment ${experiment.number}`)
      for (const source of experiment.sources) expect(answers).toContain(source.url)
      expect(worksheetFileName(experiment)).toBe(`worksheet-${experiment.number}-${experiment.id}.md`)
      if (experiment.status === 'ready') {
        expect(questions).toContain(experiment.prediction.question)
        for (const choice of experiment.prediction.choices) expect(questions).toContain(`- [ ] ${choice.label}`)
        experiment.steps.forEach((step, i) => expect(questions).toContain(`${i + 1}. ${step.text}`))
        // the answers stay off the question page
        for (const paragraph of experiment.explanation) {
          expect(questions).not.toContain(paragraph)
          expect(answers).toContain(paragraph)
        }
        const expected = experiment.prediction.choices.find((c) => c.id === experiment.expected)
        expect(expected, 'the expected answer is one of the choices').toBeDefined()
        expect(answers).toContain(expected!.label)
      } else {
        expect(questions).toContain(`This experiment comes with ${experiment.needs}.`)
      }
    })
  }

  it('gives the printable page the same questions and answers as the Markdown', () => {
    for (const experiment of experiments) {
      const sheet = worksheetOf(experiment)
      const markdown = worksheetMarkdown(experiment)
      for (const line of [...sheet.questions, ...sheet.answers].flatMap((s) => s.lines)) {
        expect(markdown).toContain(line.replace(/^\[ \] /, '- [ ] '))
      }
    }
  })
})
