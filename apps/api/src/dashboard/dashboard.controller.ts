import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  Redirect,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiExcludeController, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Public, type Role } from '@jejak/auth';
import { procedures } from '@jejak/workflows';
import { ApiConfig } from '../api.config.js';
import { DEMO_ROLES, uiConfig, type UiConfig } from './dashboard-meta.js';
import { demoSignInEnabled, demoToken, type DemoToken } from './demo-sign-in.js';
import { isLoopbackHost } from '../security/security.config.js';
import { DASHBOARD_PREFIX } from './dashboard-static.js';

/** `/ui/` as seen from `/` and from `/ui`. */
const DASHBOARD_RELATIVE = DASHBOARD_PREFIX.slice(1);

/** `/` opens the dashboard; `/ui/config.json` tells it the procedures' shapes and the holidays. */
@ApiExcludeController()
@Public()
@Controller()
export class DashboardController {
  private readonly config: UiConfig;

  constructor(apiConfig: ApiConfig) {
    this.config = uiConfig({ demoSignIn: demoSignInEnabled(apiConfig), procedures });
  }

  // Relative locations (`ui/` from `/` and from `/ui`), so a reverse proxy that serves jejak under
  // a path prefix and strips it keeps the prefix: /prefix/ -> /prefix/ui/.
  @Get()
  @Redirect(DASHBOARD_RELATIVE, 302)
  root(): void {}

  @Get('ui')
  @Redirect(DASHBOARD_RELATIVE, 301)
  ui(): void {}

  /** Public and data-free: stage orders, states, transitions, role table, holidays. */
  @Get('ui/config.json')
  uiConfig(): UiConfig {
    return this.config;
  }
}

export class DemoTokenRequestDto {
  @ApiProperty({ enum: DEMO_ROLES, example: 'SEKRETARIAT' })
  @IsIn(DEMO_ROLES)
  role!: Role;
}

export class DemoTokenDto {
  @ApiProperty() token!: string;
  @ApiProperty() role!: string;
  @ApiProperty() sub!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
}

/** "Sign in as <role>" for demos: only where `demoSignInEnabled` holds, else 404. */
@ApiTags('auth')
@Public()
@Controller('auth')
export class DemoTokenController {
  constructor(private readonly apiConfig: ApiConfig) {}

  @Post('demo-token')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'A short-lived demo token for one role (only with DEMO_SIGN_IN=on on a loopback HOST, outside production, embedded without JWT_SECRET; 404 otherwise)',
    operationId: 'demoToken',
  })
  async demoToken(
    @Body() body: DemoTokenRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<DemoToken> {
    // A client that is not on this machine (a same-host proxy passes its own address) never
    // learns the route exists.
    if (!demoSignInEnabled(this.apiConfig) || !isLoopbackHost(request.socket.remoteAddress ?? '')) {
      throw new NotFoundException(
        'Demo sign-in is off: it needs DEMO_SIGN_IN=on, a loopback HOST, no NODE_ENV=production and the embedded store without JWT_SECRET',
      );
    }
    return demoToken(this.apiConfig, body.role);
  }
}
