// The trend chart of one indicator, drawn by ECharts with its SVG renderer: vector output
// stays crisp on paper, and only the line chart, a plain grid and a plain legend are
// bundled (the scrolling legend and the grid's axis pointers are not needed). Imported
// lazily by the comparison page, so no other page carries the chart library.
//
// On an office laser printer colour turns grey, so each line differs in more than colour:
// the county's figures solid with filled dots, the city's path dashed with hollow triangles
// at its targets, the province's dotted with hollow diamonds.
import { init, use, type ComposeOption } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
	GridSimpleComponent,
	LegendPlainComponent,
	type GridComponentOption,
	type LegendComponentOption
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { CITY_CODE } from '$lib/core/model';
import { plainDecimal } from '$lib/core/decimal';
import type { TrendData } from './trend-data';

use([LineChart, GridSimpleComponent, LegendPlainComponent, SVGRenderer]);

type TrendOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption>;

export interface TrendLabels {
	county: string;
	city: string;
	province: string;
}

export const CHART_WIDTH = 330;
export const CHART_HEIGHT = 236;

const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

const LOOK = {
	county: { color: '#1f4e79', line: 'solid' as const, symbol: 'circle', size: 6, width: 2.2 },
	city: { color: '#c0661a', line: [7, 4], symbol: 'emptyTriangle', size: 10, width: 1.6 },
	province: { color: '#3d7a4f', line: [1.5, 3], symbol: 'emptyDiamond', size: 10, width: 1.8 }
};

// A break between two runs of a line: ECharts leaves a gap at an empty value.
const GAP = '-';

function label(v: number): string {
	return Number.isFinite(v) ? plainDecimal(Number(v.toPrecision(12))) : '';
}

export function trendOption(data: TrendData, labels: TrendLabels): TrendOption {
	const series: LineSeriesOption[] = [
		{
			name: labels.county,
			type: 'line',
			data: data.county.map((p) => [p.year, p.value ?? GAP]),
			connectNulls: false,
			symbol: LOOK.county.symbol,
			symbolSize: LOOK.county.size,
			showAllSymbol: true,
			lineStyle: { color: LOOK.county.color, width: LOOK.county.width, type: LOOK.county.line },
			itemStyle: { color: LOOK.county.color },
			z: 3
		}
	];
	for (const level of data.levels) {
		const look = level.level === CITY_CODE ? LOOK.city : LOOK.province;
		const points = level.runs.flatMap((run, i) => [
			...(i > 0 ? [GAP] : []),
			...run.map((p) => ({
				value: [p.year, p.value],
				symbol: p.target ? look.symbol : 'none',
				symbolSize: look.size
			}))
		]);
		series.push({
			name: level.level === CITY_CODE ? labels.city : labels.province,
			type: 'line',
			data: points,
			connectNulls: false,
			showAllSymbol: true,
			symbol: look.symbol,
			symbolSize: look.size,
			lineStyle: { color: look.color, width: look.width, type: look.line },
			itemStyle: { color: look.color, borderColor: look.color, borderWidth: 1.5 },
			z: 2
		});
	}
	return {
		animation: false,
		textStyle: { fontFamily: FONT, color: '#333' },
		legend: {
			top: 0,
			left: 'center',
			itemWidth: 26,
			itemHeight: 10,
			itemGap: 10,
			textStyle: { fontSize: 11, fontFamily: FONT, color: '#333' },
			// The county first, then the levels, in the order of the table.
			data: series.map((s) => String(s.name))
		},
		grid: { left: 6, right: 16, top: 28, bottom: 4 },
		xAxis: {
			type: 'value',
			min: 2020,
			max: 2035,
			interval: 5,
			minorTick: { show: true, splitNumber: 5 },
			axisLabel: { formatter: (v: number) => String(v), fontSize: 10, color: '#333' },
			axisLine: { lineStyle: { color: '#666' } },
			splitLine: { show: false }
		},
		yAxis: {
			type: 'value',
			// The unit is in the chart's caption.
			scale: true,
			axisLabel: { formatter: (v: number) => label(v), fontSize: 10, color: '#333' },
			splitLine: { lineStyle: { color: '#d9d9d9', width: 0.6 } }
		},
		series
	};
}

/** Draw the chart into `el`; returns a function that removes it. */
export function drawTrend(el: HTMLElement, data: TrendData, labels: TrendLabels): () => void {
	const chart = init(el, null, { renderer: 'svg', width: CHART_WIDTH, height: CHART_HEIGHT });
	chart.setOption(trendOption(data, labels));
	return () => chart.dispose();
}
