// Fits fsrs-rs (npm @open-spaced-repetition/binding) to the training histories that
// `mlaprep_bench --export-fsrs-histories FILE` wrote, and prints one JSON line:
//   {"seconds": [...each run...], "parameters": [...21 weights...], "train_items": N}
// Usage: node fsrs-rs-fit.mjs HISTORIES.json RUNS  (run from a directory where the package is installed)
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const [file, runsText = '3'] = process.argv.slice(2)
const require = createRequire(join(process.cwd(), 'noop.js'))
const { computeParameters, FSRSBindingItem, FSRSBindingReview } = require('@open-spaced-repetition/binding')

const { train } = JSON.parse(readFileSync(file, 'utf8'))

// fsrs-rs trains on one item per prediction: the history up to and including a review given a day or
// more after the previous one (the review being predicted).
const items = []
for (const history of train) {
  const reviews = history.map(([rating, days]) => new FSRSBindingReview(rating, days))
  for (let k = 1; k < history.length; k++) {
    if (history[k][1] > 0) {
      items.push(new FSRSBindingItem(reviews.slice(0, k + 1)))
    }
  }
}

const seconds = []
let parameters = []
for (let run = 0; run < Number(runsText); run++) {
  const start = process.hrtime.bigint()
  parameters = await computeParameters(items, { enableShortTerm: true })
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9)
}
console.log(JSON.stringify({ seconds, parameters, train_items: items.length }))
