import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AntdProvider } from './AntdProvider.js';
import { LanguageSync } from './LanguageSync.js';
import { createQueryClient } from './queryClient.js';
import { router } from './router.js';
import { SessionGate } from './SessionGate.js';

export function Root() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <SessionGate>
          <LanguageSync />
          <RouterProvider router={router} />
        </SessionGate>
      </AntdProvider>
    </QueryClientProvider>
  );
}
