import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { FormSave } from './form-save';

const refusal = (status: number, body: object) =>
  new HttpErrorResponse({ status, error: { title: 'Refused', detail: `HTTP ${status}`, ...body } });

const form = () =>
  new FormGroup({ name: new FormControl(''), practice: new FormControl<string | null>(null) });

describe('FormSave', () => {
  it('is busy while the request runs, and clear once it succeeds', async () => {
    const save = new FormSave(form());
    save.fail(refusal(422, { errors: [{ field: 'x', message: 'bad' }] }));
    let release!: () => void;
    const running = save.run(() => new Promise<void>((r) => (release = r)));
    expect(save.busy()).toBe(true);
    expect(save.problem()).toBeNull();
    expect(save.unmatched()).toEqual([]);
    release();
    expect(await running).toBe(true);
    expect(save.busy()).toBe(false);
    expect(save.problem()).toBeNull();
  });

  it('puts field errors on their controls (through the path map) and lists the others', async () => {
    const f = form();
    const save = new FormSave(f, { path: (field) => (field === 'practiceId' ? 'practice' : field) });
    const ok = await save.run(() =>
      Promise.reject(
        refusal(422, {
          errors: [
            { field: 'name', message: 'name is required' },
            { field: 'practiceId', message: 'practiceId must be a UUID' },
            { field: 'nowhere', message: 'not a field of the form' },
          ],
        }),
      ),
    );
    expect(ok).toBe(false);
    expect(save.busy()).toBe(false);
    expect(save.problem()?.status).toBe(422);
    expect(f.controls.name.errors).toEqual({ server: 'name is required' });
    expect(f.controls.name.touched).toBe(true);
    expect(f.controls.practice.errors).toEqual({ server: 'practiceId must be a UUID' });
    expect(save.unmatched()).toEqual(['nowhere: not a field of the form']);
    expect(save.conflict()).toBeNull();
  });

  it('shows a 409 in the banner in the form’s own words', async () => {
    const save = new FormSave(form(), { conflictDetail: () => 'Downtown office was changed.' });
    await save.run(() => Promise.reject(refusal(409, { currentVersion: 4 })));
    expect(save.conflict()?.currentVersion).toBe(4);
    expect(save.problem()?.detail).toBe('Downtown office was changed.');
    expect(save.problem()?.status).toBe(409);
  });

  it('keeps a 409 out of the banner for a form with its own reload panel', async () => {
    const save = new FormSave(form(), { conflict: 'panel' });
    await save.run(() => Promise.reject(refusal(409, {})));
    expect(save.conflict()?.status).toBe(409);
    expect(save.problem()).toBeNull();
    await save.run(() => Promise.resolve());
    expect(save.conflict()).toBeNull();
  });

  it('takes the form from a function, for a form defined after it', async () => {
    const f = form();
    const save = new FormSave(() => f);
    await save.run(() => Promise.reject(refusal(422, { errors: [{ field: 'name', message: 'too long' }] })));
    expect(f.controls.name.errors).toEqual({ server: 'too long' });
  });

  it('words an unreachable server, and works without a form', async () => {
    const save = new FormSave(null);
    await save.run(() => Promise.reject(new HttpErrorResponse({ status: 0 })));
    expect(save.problem()?.detail).toMatch(/could not be reached/);
    expect(save.unmatched()).toEqual([]);
  });

  it('says what to do when the form itself is invalid', () => {
    const save = new FormSave(form());
    save.invalid();
    expect(save.problem()).toMatchObject({ status: 422, title: 'Check the form' });
  });

  it('has unsaved edits once a field is changed, none while saving, none after a successful save', async () => {
    const f = form();
    const save = new FormSave(f);
    expect(save.unsaved()).toBe(false);
    f.controls.name.setValue('Ana');
    f.controls.name.markAsDirty();
    expect(save.unsaved()).toBe(true);
    let release!: () => void;
    const running = save.run(() => new Promise<void>((r) => (release = r)));
    // a save that succeeds may navigate away itself: leaving then loses nothing
    expect(save.unsaved()).toBe(false);
    release();
    await running;
    expect(save.unsaved()).toBe(false);
    expect(f.dirty).toBe(false);
  });

  it('keeps the edits unsaved when the server refuses them', async () => {
    const f = form();
    const save = new FormSave(f);
    f.controls.name.markAsDirty();
    await save.run(() => Promise.reject(refusal(422, {})));
    expect(save.unsaved()).toBe(true);
  });
});
