import { Body, Controller, Get, HttpCode, NotFoundException, Post, Redirect } from '@nestjs/common';
import { ApiExcludeController, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Public, type Role } from '@jejak/auth';
import { procedures } from '@jejak/workflows';
import { ApiConfig } from '../api.config.js';
import { DEMO_ROLES, uiConfig, type UiConfig } from './dashboard-meta.js';
import { demoSignInEnabled, demoToken, type DemoToken } from './demo-sign-in.js';
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

/** "Sign in as <role>" for demos: only embedded without a configured secret, else 404. */
@ApiTags('auth')
@Public()
@Controller('auth')
export class DemoTokenController {
  constructor(private readonly apiConfig: ApiConfig) {}

  @Post('demo-token')
  @HttpCode(201)
  @ApiOperation({
    summary: 'A short-lived demo token for one role (embedded mode without JWT_SECRET only; 404 otherwise)',
    operationId: 'demoToken',
  })
  async demoToken(@Body() body: DemoTokenRequestDto): Promise<DemoToken> {
    if (!demoSignInEnabled(this.apiConfig)) {
      throw new NotFoundException('Demo sign-in is available only on an embedded server without JWT_SECRET');
    }
    return demoToken(this.apiConfig, body.role);
  }
}
