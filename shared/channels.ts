import { adviceSchema, adviseInputSchema } from './advisor'
import { z } from 'zod'
import { appInfoSchema, echoInputSchema } from './app'
import { dnsQueryManyRequestSchema, dnsQueryManyResultSchema, dnsQueryRequestSchema, dnsQueryResultSchema } from './dns'
import {
  resolverEntrySchema,
  resolverListSchema,
  resolverRemoveInputSchema,
  resolverRemoveResultSchema,
  resolverSaveInputSchema
} from './resolvers'
import {
  inspectInputSchema,
  inspectResultSchema,
  suggestInputSchema,
  suggestResultSchema,
  watchDetailSchema,
  watchExportInputSchema,
  watchGetInputSchema,
  watchIdInputSchema,
  watchListSchema,
  watchSampleSchema,
  watchSessionSchema,
  watchStartInputSchema,
  watchStateEventSchema
} from './inspector'
import { digCommandInputSchema } from './format'
import {
  addRecentInputSchema,
  displaySettingsSchema,
  recentDomainsSchema,
  removeRecentInputSchema,
  setTeachingInputSchema
} from './preferences'
import {
  labCompareInputSchema,
  labCompareRunSchema,
  labCountersEventSchema,
  labQueryEventSchema,
  labRotateTargetInputSchema,
  labSaveZoneInputSchema,
  labSaveSetsInputSchema,
  labSaveZoneResultSchema,
  labSetTargetInputSchema,
  labStartInputSchema,
  labStatusSchema,
  labTargetEventSchema,
  labTransferInputSchema,
  labTransferResultSchema,
  labUpdateSettingsInputSchema,
  labZoneSchema
} from './lab'
import { aliasSettingsSchema, simulatedTargetStateSchema, targetFailureSchema } from './alias-server'
import { profileListSchema } from './providers'
import { auditCancelInputSchema, auditCancelResultSchema, auditEventSchema, auditStartInputSchema, auditStartResultSchema, savedZoneInputSchema, savedZoneListSchema, savedZoneTextSchema } from './audit'
import { labFlushResultSchema, labLogExportInputSchema, labLogInputSchema, labLogPageSchema, queryLogStatsSchema } from './lab-log'
import { setThemeInputSchema } from './preferences'
import {
  convertDetectInputSchema,
  convertDetectResultSchema,
  convertReportInputSchema,
  convertReportResultSchema,
  convertRunInputSchema,
  convertRunResultSchema
} from './convert'
import { learnProgressSchema, learnSaveInputSchema } from './learn'
import { chainStatusSchema, delegationInputSchema, delegationViewSchema } from './delegation'
import {
  appCommandListSchema,
  desktopSettingsSchema,
  fileOpenInputSchema,
  openedFileSchema,
  setNotificationsInputSchema
} from './desktop'

const none = z.strictObject({}).optional()

/**
 * The one registry of request/response channels, named `domain:verb`.
 * Both hosts (Electron IPC and browser mode's WebSocket) validate every input against `input`.
 */
export const channels = {
  'app:info': { input: none, output: appInfoSchema },
  'app:echo': { input: echoInputSchema, output: z.object({ text: z.string() }) },
  'dns:query': { input: dnsQueryRequestSchema, output: dnsQueryResultSchema },
  'dns:queryMany': { input: dnsQueryManyRequestSchema, output: dnsQueryManyResultSchema },
  'resolvers:list': { input: none, output: resolverListSchema },
  'resolvers:save': { input: resolverSaveInputSchema, output: resolverEntrySchema },
  'resolvers:remove': { input: resolverRemoveInputSchema, output: resolverRemoveResultSchema },
  'inspect:run': { input: inspectInputSchema, output: inspectResultSchema },
  'inspect:suggest': { input: suggestInputSchema, output: suggestResultSchema },
  'advise:run': { input: adviseInputSchema, output: adviceSchema },
  'watch:start': { input: watchStartInputSchema, output: watchSessionSchema },
  'watch:stop': { input: watchIdInputSchema, output: watchSessionSchema },
  'watch:list': { input: none, output: watchListSchema },
  'watch:get': { input: watchGetInputSchema, output: watchDetailSchema },
  'watch:export': { input: watchExportInputSchema, output: z.string() },
  'watch:remove': { input: watchIdInputSchema, output: z.object({ id: z.string() }) },
  'prefs:recent': { input: none, output: recentDomainsSchema },
  'prefs:addRecent': { input: addRecentInputSchema, output: recentDomainsSchema },
  'prefs:removeRecent': { input: removeRecentInputSchema, output: recentDomainsSchema },
  'prefs:display': { input: none, output: displaySettingsSchema },
  'prefs:setTeaching': { input: setTeachingInputSchema, output: displaySettingsSchema },
  'format:dig': { input: digCommandInputSchema, output: z.string() },
  'lab:status': { input: none, output: labStatusSchema },
  'lab:start': { input: labStartInputSchema, output: labStatusSchema },
  'lab:stop': { input: none, output: labStatusSchema },
  'lab:getZone': { input: none, output: labZoneSchema },
  'lab:saveZone': { input: labSaveZoneInputSchema, output: labSaveZoneResultSchema },
  'lab:setTarget': { input: labSetTargetInputSchema, output: simulatedTargetStateSchema },
  'lab:rotateTarget': { input: labRotateTargetInputSchema, output: simulatedTargetStateSchema },
  'lab:updateSettings': { input: labUpdateSettingsInputSchema, output: aliasSettingsSchema },
  'lab:log': { input: labLogInputSchema, output: labLogPageSchema },
  'lab:logExport': { input: labLogExportInputSchema, output: z.string() },
  'lab:logClear': { input: none, output: queryLogStatsSchema },
  'lab:flushCache': { input: none, output: labFlushResultSchema },
  'lab:saveSets': { input: labSaveSetsInputSchema, output: simulatedTargetStateSchema.nullable() },
  'prefs:setTheme': { input: setThemeInputSchema, output: displaySettingsSchema },
  'lab:profiles': { input: none, output: profileListSchema },
  'lab:setTargetState': { input: targetFailureSchema, output: simulatedTargetStateSchema },
  'lab:compareStart': { input: labCompareInputSchema, output: labCompareRunSchema },
  'lab:compareGet': { input: none, output: labCompareRunSchema.nullable() },
  'lab:compareStop': { input: none, output: labCompareRunSchema.nullable() },
  'lab:transfer': { input: labTransferInputSchema, output: labTransferResultSchema },
  'audit:start': { input: auditStartInputSchema, output: auditStartResultSchema },
  'audit:cancel': { input: auditCancelInputSchema, output: auditCancelResultSchema },
  'audit:zones': { input: none, output: savedZoneListSchema },
  'audit:zone': { input: savedZoneInputSchema, output: savedZoneTextSchema },
  'convert:detect': { input: convertDetectInputSchema, output: convertDetectResultSchema },
  'convert:run': { input: convertRunInputSchema, output: convertRunResultSchema },
  'convert:report': { input: convertReportInputSchema, output: convertReportResultSchema },
  'learn:progress': { input: none, output: learnProgressSchema },
  'learn:save': { input: learnSaveInputSchema, output: learnProgressSchema },
  'app:takeCommands': { input: none, output: appCommandListSchema },
  'files:open': { input: fileOpenInputSchema, output: openedFileSchema },
  'prefs:desktop': { input: none, output: desktopSettingsSchema },
  'prefs:setNotifications': { input: setNotificationsInputSchema, output: desktopSettingsSchema },
  'chain:status': { input: none, output: chainStatusSchema },
  'chain:start': { input: none, output: chainStatusSchema },
  'chain:stop': { input: none, output: chainStatusSchema },
  'chain:delegation': { input: delegationInputSchema, output: delegationViewSchema }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

/** Events pushed from the main side to the renderer, named `domain:event`. */
export const events = {
  'app:notice': z.object({ level: z.enum(['info', 'warn']), message: z.string() }),
  'watch:sample': watchSampleSchema,
  'watch:state': watchStateEventSchema,
  'lab:query': labQueryEventSchema,
  'lab:counters': labCountersEventSchema,
  'lab:target': labTargetEventSchema,
  'audit:progress': auditEventSchema,
  /** The stored query log's figures after each write (a few times a second at most). */
  'lab:logged': queryLogStatsSchema,
  /** Commands are waiting for the window (menu, second launch, link); it takes them with `app:takeCommands`. */
  'app:commands': z.object({ waiting: z.number().int().min(1) })
} as const satisfies Record<string, z.ZodType>

export type Channel = keyof typeof channels
export type EventName = keyof typeof events
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const channelNames = Object.keys(channels) as Channel[]
export const eventNames = Object.keys(events) as EventName[]
