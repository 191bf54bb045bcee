import { Module } from '@nestjs/common';
import { DispositionsController } from './dispositions.controller.js';

@Module({ controllers: [DispositionsController] })
export class DispositionsModule {}
