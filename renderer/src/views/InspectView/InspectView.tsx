export function InspectView() {
  return (
    <section className="panel" data-testid="inspect-view">
      <h2>Inspect</h2>
    </section>
  )
}
