import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { from, switchMap, throwError, catchError } from 'rxjs';
import { AuthService } from './auth.service';
import { API_BASE } from './problem';

/** Adds the bearer token to API calls; a 401 means the session is over: back to sign-in. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith(API_BASE)) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  return from(auth.token()).pipe(
    switchMap((token) => next(token ? req.clone({ setHeaders: { authorization: `Bearer ${token}` } }) : req)),
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) void auth.sessionEnded(router.url);
      return throwError(() => error);
    }),
  );
};
