import { DynamicModule, Global, Module } from '@nestjs/common';
import { validateEnv } from './validate-env';

/**
 * Registers the validated environment as a provider under its own class, so services inject
 * `env: PracticeSettingsEnv` and never read `process.env` elsewhere.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot<T extends object>(service: string, envClass: new () => T, env?: T): DynamicModule {
    const value = env ?? validateEnv(service, envClass);
    return {
      module: ConfigModule,
      providers: [{ provide: envClass, useValue: value }],
      exports: [envClass],
    };
  }
}
