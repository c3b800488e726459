import { useSearchParams } from 'react-router';
import { NEXT_PARAM, safeReturnPath } from '../../app/paths';

/** The page to go back to after signing in or up (`?next=`), only if it is a page of this site. */
export function useReturnPath(): string | undefined {
  const [params] = useSearchParams();
  return safeReturnPath(params.get(NEXT_PARAM));
}
