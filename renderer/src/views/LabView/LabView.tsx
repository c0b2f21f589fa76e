export function LabView() {
  return (
    <section className="panel" data-testid="lab-view">
      <h2>Lab</h2>
    </section>
  )
}
