import type { HandlerGroup } from '../api/handlers'
import type { LabService } from '../lab/lab-service'
import { PROFILES } from '../providers'

/** The `lab:` channels: thin adapters over the lab service, which owns the embedded server. */
export function labHandlers(lab: LabService): HandlerGroup<'lab'> {
  return {
    'lab:status': () => lab.status(),
    'lab:start': (input) => lab.start(input),
    'lab:stop': () => lab.stop(),
    'lab:getZone': () => lab.getZone(),
    'lab:saveZone': ({ text, dialect }) => lab.saveZone(text, dialect),
    'lab:setTarget': (input) => lab.setTarget(input),
    'lab:rotateTarget': (input) => lab.rotateTarget(input),
    'lab:updateSettings': (patch) => lab.updateSettings(patch),
    'lab:log': (input) => lab.log(input),
    'lab:logExport': (input) => lab.exportLog(input),
    'lab:logClear': () => lab.clearLog(),
    'lab:flushCache': () => lab.flushCache(),
    'lab:saveSets': (input) => lab.saveSets(input),
    'lab:profiles': () => [...PROFILES],
    'lab:setTargetState': (input) => lab.setTargetState(input),
    'lab:compareStart': (input) => lab.compareStart(input),
    'lab:compareGet': () => lab.compareGet(),
    'lab:compareStop': () => lab.compareStop(),
    'lab:transfer': ({ zone }) => lab.transfer(zone),
    'lab:setGeo': (input) => lab.setGeo(input),
    'lab:setHttpsAlias': ({ enabled }) => lab.setHttpsAlias(enabled)
  }
}
