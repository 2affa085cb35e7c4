import { Module } from '@nestjs/common';
import { DashboardController, DemoTokenController } from './dashboard.controller.js';
import { DashboardStatic } from './dashboard-static.js';

/**
 * The web dashboard on the API's port: the built files under /ui/ (apps/dashboard), `/` ->
 * `/ui/`, the page's public configuration, and demo sign-in on an embedded server without a
 * configured secret. Needs ApiConfig (ApiConfigModule, global).
 */
@Module({
  controllers: [DashboardController, DemoTokenController],
  providers: [DashboardStatic],
})
export class DashboardModule {}
