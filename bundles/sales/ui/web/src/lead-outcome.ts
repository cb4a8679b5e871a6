// The lead work queue's logic: which leads to work first, and the one-step form that records a
// call's outcome with the next action (POST /sales/leads/{id}/outcomes).
import { instantFromLocalInput, localDateTimeInput } from './format';
import type { Lead, LeadOutcomeRequest, NextAction } from './sales-api';

export interface OutcomeForm {
  outcome: string;
  note: string;
  nextAction: NextAction | '';
  /** A datetime-local input's value (the user's wall clock). */
  nextActionAt: string;
  /** Messages by field: the form's own checks, then the API's problem. */
  errors: Record<string, string>;
  submitting: boolean;
}

export function emptyOutcomeForm(): OutcomeForm {
  return { outcome: '', note: '', nextAction: '', nextActionAt: '', errors: {}, submitting: false };
}

/**
 * When a next action is chosen and no time is set yet: the next working day at 9:00 for a call
 * back, otherwise two working days later at 9:00 (an appointment or documents need preparing).
 */
export function suggestedNextActionAt(action: NextAction, now: Date): string {
  const at = new Date(now);
  let workingDays = action === 'CALL' || action === 'CALL_BACK' ? 1 : 2;
  while (workingDays > 0) {
    at.setDate(at.getDate() + 1);
    if (at.getDay() !== 0 && at.getDay() !== 6) {
      workingDays--;
    }
  }
  at.setHours(9, 0, 0, 0);
  return localDateTimeInput(at);
}

/** The form after a field changed: choosing a next action proposes a time; clearing it clears the time. */
export function withField(form: OutcomeForm, field: 'outcome' | 'note' | 'nextAction' | 'nextActionAt', value: string, now: Date)
    : OutcomeForm {
  const next: OutcomeForm = { ...form, [field]: value, errors: { ...form.errors } };
  delete next.errors[field];
  if (field === 'nextAction') {
    if (!value) {
      next.nextActionAt = '';
      delete next.errors.nextActionAt;
    } else if (!form.nextActionAt) {
      next.nextActionAt = suggestedNextActionAt(value as NextAction, now);
    }
  }
  return next;
}

/** The form's own checks, as the API makes them (outcome required; a next action needs its time). Keys are message keys. */
export function outcomeFormErrors(form: OutcomeForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.outcome) {
    errors.outcome = 'required';
  }
  if (form.nextAction && !instantFromLocalInput(form.nextActionAt)) {
    errors.nextActionAt = 'required';
  }
  return errors;
}

/** The request body, or undefined while the form has errors. */
export function outcomeRequest(form: OutcomeForm): LeadOutcomeRequest | undefined {
  if (Object.keys(outcomeFormErrors(form)).length > 0) {
    return undefined;
  }
  const request: LeadOutcomeRequest = { outcome: form.outcome };
  if (form.note.trim()) {
    request.note = form.note.trim();
  }
  if (form.nextAction) {
    request.nextAction = form.nextAction;
    request.nextActionAt = instantFromLocalInput(form.nextActionAt);
  }
  return request;
}

/** Leads that can still be worked (an outcome recorded): not converted, not disqualified. */
export function isWorkable(lead: Lead): boolean {
  return lead.status === 'NEW' || lead.status === 'WORKING' || lead.status === 'QUALIFIED';
}

/**
 * The queue's order: next actions due (overdue first), then new leads never called (oldest first),
 * then the leads whose next action is later, soonest first.
 */
export function queueOrder(leads: Lead[], now: Date): Lead[] {
  const rank = (lead: Lead): [number, string] => {
    if (lead.nextActionAt && new Date(lead.nextActionAt).getTime() <= now.getTime()) {
      return [0, lead.nextActionAt];
    }
    if (!lead.nextActionAt) {
      return [1, lead.createdAt ?? ''];
    }
    return [2, lead.nextActionAt];
  };
  return leads.filter(isWorkable).sort((a, b) => {
    const [ra, ka] = rank(a);
    const [rb, kb] = rank(b);
    return ra - rb || (ka < kb ? -1 : ka > kb ? 1 : Number(a.id) - Number(b.id));
  });
}

/** Whether the lead's next action is due (at or before now). */
export function isDue(lead: Lead, now: Date): boolean {
  return !!lead.nextActionAt && new Date(lead.nextActionAt).getTime() <= now.getTime();
}
