export function WatchView() {
  return (
    <section className="panel" data-testid="watch-view">
      <h2>Watch</h2>
    </section>
  )
}
