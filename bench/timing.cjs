/*
 * Shared by the search worker runners: run an asynchronous step several times and keep the
 * median time, so that one slow run (a garbage collection, another process) does not decide it.
 */
"use strict"

const REPEAT = 5

/* {value, ms}: the value of the last run and the median time of REPEAT runs, in milliseconds */
async function medianTime(step) {
  let value = null
  const runs = []
  for (let run = 0; run < REPEAT; run++) {
    const start = process.hrtime.bigint()
    value = await step()
    runs.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return { value, ms: runs.sort((a, b) => a - b)[Math.floor(REPEAT / 2)] }
}

module.exports = { medianTime }
