/** Runs the tasks handed to it one at a time, in order (a store's writes never lose one another); a failure does not stop the next. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = queue.then(task, task)
    queue = run.catch(() => {})
    return run
  }
}
