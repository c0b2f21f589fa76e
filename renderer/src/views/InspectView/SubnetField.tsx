import { SUBNET_PRESETS, subnetFromText } from '@shared/locality'

/** Words → subnets: presets by name ("ap", "eu6"), "presets" for all, or subnets as written. */
export function parseSubnets(text: string): { subnets: string[]; problem?: string } {
  const subnets: string[] = []
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const found = word === 'presets' ? Object.values(SUBNET_PRESETS) : [subnetFromText(word)]
    if (found[0] === null) return { subnets: [], problem: `"${word}" is neither a subnet such as 203.0.113.0/24 nor a preset (${Object.keys(SUBNET_PRESETS).join(', ')})` }
    for (const s of found) if (s && !subnets.includes(s)) subnets.push(s)
  }
  if (subnets.length > 16) return { subnets: [], problem: '16 subnets at most' }
  return { subnets }
}

/** The locality view's client subnets (ECS): empty for no locality view. */
export function SubnetField({ value, onChange, problem }: { value: string; onChange: (v: string) => void; problem: string | undefined }) {
  return (
    <div className="subnet-field">
      <label htmlFor="inspect-subnets">Client subnets (locality, optional)</label>{' '}
      <input
        id="inspect-subnets"
        data-testid="inspect-subnets"
        value={value}
        placeholder="e.g. presets, or ap eu 2001:db8:a0::/48"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'inspect-subnets-problem' : undefined}
        size={40}
      />
      {problem && (
        <p id="inspect-subnets-problem" className="field-error" role="alert" data-testid="inspect-subnets-problem">
          {problem}
        </p>
      )}
    </div>
  )
}
