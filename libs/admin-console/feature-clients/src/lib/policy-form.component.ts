import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import {
  FormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { PracticeContext, toProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import {
  AddressFieldsComponent,
  addressGroup,
  addressValue,
  BlurErrorStateMatcher,
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  injectFieldFocus,
  provideLiveErrors,
  setAddress,
  DateInputDirective,
} from '@claimline/admin-console/ui-common';
import type {
  CreatePolicyBody,
  PayerView,
  PolicyView,
  SubscriberDto,
  UpdatePolicyBody,
} from '@claimline/contracts/client-insurance';
import {
  INSURANCE_ORDERS,
  type ClaimSex,
  type InsuranceOrder,
  type RelationshipToInsured,
} from '@claimline/domain';
import { dateValidator, memberIdValidator, notBefore } from './forms';
import { ORDER_LABELS, RELATIONSHIP_OPTIONS, SEX_OPTIONS } from './labels';

/** A payer as the form holds it: from the directory search, or from the policy being edited. */
export interface PayerChoice {
  id: string;
  name: string;
  /** The payer ID our clearinghouse uses. */
  payerId: string;
  isBcbs: boolean;
  /** Where the payer is local; null when not known (a policy's payer summary). */
  states: string[] | null;
}

const fromDirectory = (p: PayerView): PayerChoice => ({
  id: p.id,
  name: p.name,
  payerId: p.payerIds['default'] ?? '',
  isBcbs: p.isBcbs,
  states: p.states,
});
const SEARCH_DEBOUNCE_MS = 250;

function chosenPayer(c: AbstractControl): ValidationErrors | null {
  const v = c.value as PayerChoice | string | null;
  if (v && typeof v === 'object') return null;
  return typeof v === 'string' && v.trim()
    ? { payer: 'Choose the insurance company from the list' }
    : { required: 'Required: search and choose the insurance company' };
}

const normalisedMemberId = (v: string): string => v.replace(/[\s-]+/g, '').toUpperCase();

/** Add or change one insurance policy: payer by type-ahead, member ID, relationship and the insured's details, coverage dates. */
@Component({
  selector: 'cl-policy-form',
  imports: [
    DateInputDirective,
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ErrorBannerComponent,
    FieldErrorComponent,
    AddressFieldsComponent,
  ],
  providers: [provideLiveErrors()],
  templateUrl: './policy-form.component.html',
  styleUrl: './policy-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyFormComponent implements OnInit {
  readonly practiceId = input.required<string>();
  readonly clientId = input.required<string>();
  /** The policy to change; none to add one. */
  readonly policy = input<PolicyView | null>(null);
  /** Orders the client already has (a client has at most one of each). */
  readonly takenOrders = input<InsuranceOrder[]>([]);
  readonly saved = output<PolicyView>();
  readonly cancelled = output<void>();

  private readonly api = inject(ClientsApi);
  private readonly practice = inject(PracticeContext);
  private readonly fb = inject(FormBuilder);
  private readonly fieldFocus = injectFieldFocus();
  /** The payer type-ahead: half-typed search text is not yet an error. */
  protected readonly blurErrors = inject(BlurErrorStateMatcher);
  protected readonly relationships = RELATIONSHIP_OPTIONS;
  protected readonly sexes = SEX_OPTIONS;
  protected readonly orderLabel = (o: InsuranceOrder) => ORDER_LABELS[o];
  protected readonly practiceState = computed(() => this.practice.current()?.address?.state ?? null);

  protected readonly form = this.fb.nonNullable.group({
    order: ['primary' as InsuranceOrder, Validators.required],
    payer: this.fb.control<PayerChoice | string | null>(null, chosenPayer),
    memberId: ['', [Validators.required, memberIdValidator]],
    groupNumber: ['', Validators.maxLength(50)],
    planName: ['', Validators.maxLength(100)],
    coverageStart: ['', dateValidator('Coverage start')],
    coverageEnd: [
      '',
      [
        dateValidator('Coverage end'),
        notBefore('coverageStart', 'Coverage end must not be before coverage start'),
      ],
    ],
    relationship: ['self' as RelationshipToInsured, Validators.required],
    subscriber: this.fb.nonNullable.group({
      firstName: ['', [Validators.required, Validators.maxLength(60)]],
      lastName: ['', [Validators.required, Validators.maxLength(60)]],
      birthDate: ['', [Validators.required, dateValidator('Birth date', { notFuture: true })]],
      sex: ['' as ClaimSex | '', Validators.required],
      address: addressGroup(),
    }),
  });

  protected readonly payerOptions = signal<PayerChoice[]>([]);
  protected readonly searching = signal(false);
  protected readonly searched = signal(false);
  protected readonly selected = signal<PayerChoice | null>(null);
  protected readonly needsSubscriber = signal(false);
  /** The member ID as the API shows it to a role that sees it masked; never sent back. */
  protected readonly maskedMemberId = signal<string | null>(null);
  private readonly saving = new FormSave(this.form, {
    conflict: 'panel',
    path: (field) => (field === 'payerId' ? 'payer' : field),
  });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;
  protected readonly conflict = this.saving.conflict;
  protected readonly orderOptions = computed(() => {
    const own = this.policy()?.order;
    return INSURANCE_ORDERS.filter((o) => o === own || !this.takenOrders().includes(o));
  });
  protected readonly headingId = computed(() => `policy-form-${this.policy()?.id ?? 'new'}`);
  /** Before saving: the API's `bcbs_not_local` warning comes with the saved policy; this says it early. */
  protected readonly bcbsHint = computed(() => {
    const p = this.selected();
    const state = this.practiceState();
    if (!p || !this.notLocal(p)) return null;
    return `${p.name} is a Blue Cross Blue Shield plan of another state. Claims for any BCBS member go to the BCBS plan local to your practice (${state}); choose that plan even when the client’s card is from out of area.`;
  });

  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor() {
    const destroy = inject(DestroyRef);
    destroy.onDestroy(() => clearTimeout(this.timer));
    this.form.controls.payer.valueChanges.subscribe((v) => {
      if (typeof v === 'string') {
        this.selected.set(null);
        this.queueSearch(v);
      } else this.selected.set(v);
    });
    this.form.controls.relationship.valueChanges.subscribe((r) => this.relationshipChanged(r));
    this.form.controls.coverageStart.valueChanges.subscribe(() =>
      this.form.controls.coverageEnd.updateValueAndValidity({ emitEvent: false }),
    );
  }

  ngOnInit(): void {
    const p = this.policy();
    if (p) this.fill(p);
    else {
      this.form.controls.order.setValue(this.orderOptions()[0] ?? 'primary');
      this.relationshipChanged('self');
    }
  }

  protected payerText = (p: PayerChoice | string | null): string =>
    p && typeof p === 'object' ? p.name : (p ?? '');

  protected notLocal(p: PayerChoice): boolean {
    const state = this.practiceState();
    return p.isBcbs && !!state && p.states !== null && !p.states.includes(state);
  }

  protected async loadLatest(): Promise<void> {
    const p = this.policy();
    if (!p) return;
    try {
      const latest = await this.api.getPolicy(this.practiceId(), p.id);
      this.conflict.set(null);
      this.fill(latest);
      this.saved.emit(latest);
    } catch (e) {
      this.problem.set(toProblem(e));
    }
  }

  protected async save(): Promise<void> {
    if (!this.fieldFocus.validate(this.form)) return;
    await this.saving.run(async () => {
      const current = this.policy();
      const saved = current
        ? await this.api.updatePolicy(this.practiceId(), current.id, this.updateBody(current))
        : await this.api.createPolicy(this.practiceId(), this.clientId(), this.createBody());
      this.saved.emit(saved);
    });
  }

  private fill(p: PolicyView): void {
    const payer: PayerChoice = {
      id: p.payer.id,
      name: p.payer.name,
      payerId: p.payer.payerId,
      isBcbs: p.payer.isBcbs,
      states: null,
    };
    const masked = p.memberIdMasked ? p.memberId : null;
    this.maskedMemberId.set(masked);
    // A masked member ID stays as it is unless the user types a new one.
    this.form.controls.memberId.setValidators(
      masked ? [memberIdValidator] : [Validators.required, memberIdValidator],
    );
    this.form.reset({
      order: p.order,
      payer,
      memberId: masked ? '' : p.memberId,
      groupNumber: p.groupNumber ?? '',
      planName: p.planName ?? '',
      coverageStart: p.coverageStart ?? '',
      coverageEnd: p.coverageEnd ?? '',
      relationship: p.relationship,
      subscriber: {
        firstName: p.subscriber?.firstName ?? '',
        lastName: p.subscriber?.lastName ?? '',
        birthDate: p.subscriber?.birthDate ?? '',
        sex: p.subscriber?.sex ?? '',
      },
    });
    setAddress(this.form.controls.subscriber.controls.address, p.subscriber?.address);
    this.selected.set(payer);
    this.relationshipChanged(p.relationship);
  }

  private relationshipChanged(r: RelationshipToInsured): void {
    const sub = this.form.controls.subscriber;
    if (r === 'self') sub.disable({ emitEvent: false });
    else sub.enable({ emitEvent: false });
    this.needsSubscriber.set(r !== 'self');
  }

  private queueSearch(text: string): void {
    clearTimeout(this.timer);
    const mine = ++this.seq;
    if (!text.trim()) {
      this.payerOptions.set([]);
      this.searched.set(false);
      return;
    }
    this.timer = setTimeout(async () => {
      this.searching.set(true);
      // No `state` filter: it would hide other states' BCBS plans, which staff then think are
      // missing; they are listed after the local ones and flagged instead.
      const found = await this.api.searchPayers(text, { limit: 15 }).catch(() => null);
      if (mine !== this.seq) return; // a later keystroke won
      this.searching.set(false);
      this.searched.set(true);
      const choices = (found ?? []).map(fromDirectory);
      this.payerOptions.set([
        ...choices.filter((p) => !this.notLocal(p)),
        ...choices.filter((p) => this.notLocal(p)),
      ]);
    }, SEARCH_DEBOUNCE_MS);
  }

  private subscriber(): SubscriberDto {
    const s = this.form.controls.subscriber.getRawValue();
    return {
      firstName: s.firstName.trim(),
      lastName: s.lastName.trim(),
      birthDate: s.birthDate,
      sex: s.sex as ClaimSex,
      address: addressValue(this.form.controls.subscriber.controls.address),
    };
  }

  private createBody(): CreatePolicyBody {
    const v = this.form.getRawValue();
    const body: CreatePolicyBody = {
      order: v.order,
      payerId: (v.payer as PayerChoice).id,
      memberId: v.memberId.trim(),
      relationship: v.relationship,
    };
    if (v.groupNumber.trim()) body.groupNumber = v.groupNumber.trim();
    if (v.planName.trim()) body.planName = v.planName.trim();
    if (v.coverageStart) body.coverageStart = v.coverageStart;
    if (v.coverageEnd) body.coverageEnd = v.coverageEnd;
    if (v.relationship !== 'self') body.subscriber = this.subscriber();
    return body;
  }

  /** Only what changed, with the version the form was filled from. */
  private updateBody(p: PolicyView): UpdatePolicyBody {
    const v = this.form.getRawValue();
    const body: UpdatePolicyBody = { version: p.version };
    if (v.order !== p.order) body.order = v.order;
    const payerId = (v.payer as PayerChoice).id;
    if (payerId !== p.payer.id) body.payerId = payerId;
    if (this.maskedMemberId() !== null) {
      if (v.memberId.trim()) body.memberId = v.memberId.trim();
    } else if (normalisedMemberId(v.memberId) !== p.memberId) body.memberId = v.memberId.trim();
    const opt = (s: string) => s.trim() || null;
    if (opt(v.groupNumber) !== p.groupNumber) body.groupNumber = opt(v.groupNumber);
    if (opt(v.planName) !== p.planName) body.planName = opt(v.planName);
    if ((v.coverageStart || null) !== p.coverageStart) body.coverageStart = v.coverageStart || null;
    if ((v.coverageEnd || null) !== p.coverageEnd) body.coverageEnd = v.coverageEnd || null;
    if (v.relationship !== p.relationship) body.relationship = v.relationship;
    if (v.relationship !== 'self') {
      const s = this.subscriber();
      if (JSON.stringify(s) !== JSON.stringify(p.subscriber) || v.relationship !== p.relationship)
        body.subscriber = s;
    }
    return body;
  }
}
