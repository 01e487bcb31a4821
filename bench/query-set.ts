/** A dozen typical dashboard queries over the star schema (sales fact, stores and products dimensions). */
export interface BenchQuery {
  name: string;
  sql: string;
}

const REVENUE = 'SUM(s.quantity * s.price * (1 - s.discount))';

export const DASHBOARD_QUERIES: BenchQuery[] = [
  { name: 'kpi card', sql: `SELECT ${REVENUE} AS revenue, COUNT(*) AS orders, AVG(s.discount) AS avg_discount FROM sales s` },
  { name: 'sum by category', sql: `SELECT s.category, ${REVENUE} AS revenue FROM sales s GROUP BY s.category ORDER BY revenue DESC` },
  { name: 'by month', sql: `SELECT date_trunc('month', s.order_date) AS month, ${REVENUE} AS revenue, COUNT(*) AS orders FROM sales s GROUP BY 1 ORDER BY 1` },
  {
    name: 'top-20 products (join)',
    sql: `SELECT p.product_name, ${REVENUE} AS revenue FROM sales s JOIN products p ON p.product_id = s.product_id GROUP BY p.product_name ORDER BY revenue DESC LIMIT 20`,
  },
  { name: 'count distinct', sql: 'SELECT COUNT(DISTINCT s.store_id) AS stores, COUNT(DISTINCT s.product_id) AS products FROM sales s' },
  {
    name: 'date range filter',
    sql: `SELECT s.category, SUM(s.quantity) AS quantity FROM sales s WHERE s.order_date BETWEEN DATE '2023-03-01' AND DATE '2023-08-31' GROUP BY s.category ORDER BY quantity DESC`,
  },
  { name: '2-level group by', sql: `SELECT year(s.order_date) AS year, s.category, ${REVENUE} AS revenue FROM sales s GROUP BY 1, 2 ORDER BY 1, 2` },
  { name: 'price histogram', sql: 'SELECT floor(s.price / 10) * 10 AS bin, COUNT(*) AS n FROM sales s GROUP BY 1 ORDER BY 1' },
  { name: 'median + p90', sql: 'SELECT s.category, median(s.price) AS median_price, quantile_cont(s.price, 0.9) AS p90 FROM sales s GROUP BY s.category ORDER BY s.category' },
  {
    name: 'star join (2 dims)',
    sql: `SELECT st.region, p.brand, ${REVENUE} AS revenue FROM sales s JOIN stores st ON st.store_id = s.store_id JOIN products p ON p.product_id = s.product_id GROUP BY 1, 2 ORDER BY revenue DESC LIMIT 50`,
  },
  {
    name: 'running total by month',
    sql: `WITH m AS (SELECT date_trunc('month', s.order_date) AS month, ${REVENUE} AS revenue FROM sales s GROUP BY 1) SELECT month, revenue, SUM(revenue) OVER (ORDER BY month) AS running FROM m ORDER BY month`,
  },
  {
    name: 'slicer on a dim',
    sql: `SELECT st.city, ${REVENUE} AS revenue FROM sales s JOIN stores st ON st.store_id = s.store_id WHERE st.region = 'North' AND s.category IN ('Category 01', 'Category 02') GROUP BY st.city ORDER BY revenue DESC LIMIT 10`,
  },
];
