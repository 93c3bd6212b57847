import { Module } from '@nestjs/common';
import { PayerSeeder } from './payer-seeder';
import { PayersController } from './payers.controller';
import { PayersService } from './payers.service';

@Module({
  controllers: [PayersController],
  providers: [PayersService, PayerSeeder],
  exports: [PayersService],
})
export class PayersModule {}
