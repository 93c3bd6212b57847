import '@angular/compiler';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';

// Services and forms only: nothing renders, so the document is never read.
TestBed.initTestEnvironment(
  BrowserTestingModule,
  platformBrowserTesting([{ provide: DOCUMENT, useValue: {} }]),
);
