import { useQuery } from '@tanstack/react-query';
import { query } from '../../../web/api';
import { membershipApi } from '../contract';

/** The categories open for applications. */
export function useCategories() {
  return useQuery({ ...query(membershipApi.categories), staleTime: 60_000 });
}
