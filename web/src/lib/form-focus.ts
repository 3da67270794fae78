/**
 * Where the focus goes when a save is refused field by field (by the form's own checks or by the
 * server's 400): to the first field named, whose description (`aria-describedby`) is its problem,
 * so a screen reader reads the problem out. It stayed on the submit button, and nothing was
 * announced (accessibility sweep).
 */
export function focusFirstProblem(form: HTMLElement | null | undefined): boolean {
  if (!form?.isConnected) return false;
  const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return false;
  field.focus();
  return true;
}
